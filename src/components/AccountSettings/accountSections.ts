// The sections of <AccountSettings>, in one chunk: fetched at idle once the settings are shown (their data
// is requested at once, beside the code), so a signed-in page's first load carries none of them.
export { ChangePasswordForm } from '../ChangePasswordForm/ChangePasswordForm.js';
export { DeleteAccount } from '../DeleteAccount/DeleteAccount.js';
export { DeviceList } from '../DeviceList/DeviceList.js';
export { MfaSettings } from '../MfaSettings/MfaSettings.js';
export { PasskeyList } from '../PasskeyList/PasskeyList.js';
export { UserAttributesForm } from '../UserAttributesForm/UserAttributesForm.js';
