// The eager build of the step-latency benchmark: <SignIn> with every challenge form in its first chunk, as
// before the forms loaded lazily (put in place of src/components/SignIn/stepForms.ts by an alias).
export * from '../../src/components/SignIn/challengeForms.js';
export const STEP_FORMS = [] as const;
export function preloadStepForms(): void {}
