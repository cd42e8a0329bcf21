// @vitest-environment happy-dom
import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { describe, expect, it } from 'vitest';

describe('the React under test', () => {
  it('is the major version this run is for (19 by default, 18 in the React 18 run), and react-dom matches', () => {
    const major = process.env.EXPECT_REACT_MAJOR ?? '19';
    expect(version.split('.')[0]).toBe(major);
    expect(domVersion).toBe(version);
  });
});
