// The views of <Authentication> besides sign-in, in one chunk: fetched at idle, when a link to one of them
// is pointed at, focused or pressed, and while the request that leads to one is in flight.
export { ConfirmSignUp } from '../ConfirmSignUp/ConfirmSignUp.js';
export { ForgotPassword } from '../ForgotPassword/ForgotPassword.js';
export { SignUp } from '../SignUp/SignUp.js';
