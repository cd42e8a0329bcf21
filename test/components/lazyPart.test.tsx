// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyPart } from '../../src/components/shared/lazyPart.js';

function Form({ label }: { label: string }) {
  return <input aria-label={label} />;
}

/** A part whose code arrives when the test says so (or fails). */
function controlled() {
  let arrive!: () => void;
  let fail!: () => void;
  let loads = 0;
  const part = lazyPart<{ label: string }>(() => {
    loads++;
    return new Promise((resolve, reject) => {
      arrive = () => resolve(Form);
      fail = () => reject(new Error('chunk failed'));
    });
  });
  return { part, arrive: () => arrive(), fail: () => fail(), loads: () => loads };
}

afterEach(cleanup);

describe('a part of a prebuilt component loaded when reached (lazyPart)', () => {
  it('preloaded, renders at once on its first render: no fallback shown, one fetch', async () => {
    const { part: Part, arrive, loads } = controlled();
    const loading = Part.preload();
    arrive();
    await loading;
    render(
      <Suspense fallback={<p>waiting</p>}>
        <Part label="Code" />
      </Suspense>,
    );
    // Synchronously there, in the very first commit.
    expect(screen.getByLabelText('Code')).toBeTruthy();
    expect(screen.queryByText('waiting')).toBeNull();
    await Part.preload();
    expect(loads()).toBe(1);
  });

  it('reached before its code: the fallback, then the part when the code arrives', async () => {
    const { part: Part, arrive } = controlled();
    render(
      <Suspense fallback={<p>waiting</p>}>
        <Part label="Code" />
      </Suspense>,
    );
    expect(screen.getByText('waiting')).toBeTruthy();
    await act(async () => arrive());
    expect(await screen.findByLabelText('Code')).toBeTruthy();
    expect(screen.queryByText('waiting')).toBeNull();
  });

  it('whose code cannot be fetched says so (the network message) instead of breaking the page, and a later preload tries again', async () => {
    const { part: Part, fail, loads } = controlled();
    render(
      <main>
        <h1>Card</h1>
        <Suspense fallback={<p>waiting</p>}>
          <Part label="Code" />
        </Suspense>
      </main>,
    );
    await act(async () => fail());
    expect((await screen.findByRole('alert')).textContent).toBe('We could not reach the server. Check your connection and try again.');
    expect(screen.getByRole('heading', { name: 'Card' })).toBeTruthy();
    void Part.preload().catch(() => undefined);
    expect(loads()).toBe(2);
  });

  it('whose code cannot be fetched offers "Try again": a new fetch, the fallback while it runs, then the part', async () => {
    const { part: Part, fail, arrive, loads } = controlled();
    render(
      <Suspense fallback={<p>waiting</p>}>
        <Part label="Code" />
      </Suspense>,
    );
    await act(async () => fail());
    const retry = await screen.findByRole('button', { name: 'Try again' });
    await act(async () => retry.click());
    expect(loads()).toBe(2);
    expect(screen.getByText('waiting')).toBeTruthy();
    await act(async () => arrive());
    expect(await screen.findByLabelText('Code')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
