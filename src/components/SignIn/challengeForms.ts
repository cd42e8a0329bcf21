// The challenge forms <SignIn> loads when it needs them, in one chunk (one fetch; small chunks compress
// worse): every form, behind the one component that picks the current step's.
export { ChallengeStep } from './ChallengeStep.js';
