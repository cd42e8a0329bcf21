import { configure } from '@testing-library/dom';

// `findBy…` and `waitFor` wait up to 5 s instead of 1 s: every sign-in here runs real SRP and the real SDK
// against the simulator, and on a two-core machine running other suites beside it, 1 s is sometimes too
// short for a step that a user would see in a fraction of a second. What is awaited is unchanged.
configure({ asyncUtilTimeout: 5_000 });
