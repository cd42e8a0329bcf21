// The account views of <Authentication> (sign-up, its confirmation, the password reset) and the sections of
// <AccountSettings>, in one chunk: they share most of their code (the account forms, the field machinery,
// the account table), and one chunk compresses better and is fetched once. See loadAccountChunk.ts.
export { ConfirmSignUp } from '../ConfirmSignUp/ConfirmSignUp.js';
export { ForgotPassword } from '../ForgotPassword/ForgotPassword.js';
export { SignUp } from '../SignUp/SignUp.js';
export { ChangePasswordForm } from '../ChangePasswordForm/ChangePasswordForm.js';
export { DeleteAccount } from '../DeleteAccount/DeleteAccount.js';
export { DeviceList } from '../DeviceList/DeviceList.js';
export { MfaSettings } from '../MfaSettings/MfaSettings.js';
export { PasskeyList } from '../PasskeyList/PasskeyList.js';
export { UserAttributesForm } from '../UserAttributesForm/UserAttributesForm.js';
