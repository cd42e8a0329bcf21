'use client';
import { Suspense, type ReactNode } from 'react';
import type { MfaType } from '../../core/index.js';
import type { AttributeField } from '../shared/attributeInputs.js';
import { translate, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { rootProps, type CognitoTheme } from '../shared/root.js';
import { useIdlePreload } from '../shared/lazyPart.js';
import { useFormLocale } from '../shared/useLocale.js';
// The sections load lazily (fetched at idle, and by <Authentication> on the sign-in screen).
import { ChangePasswordForm, DeleteAccount, DeviceList, MfaSettings, PasskeyList, SECTIONS, SectionPending, UserAttributesForm } from './sections.js';

export type AccountSection = 'profile' | 'password' | 'mfa' | 'devices' | 'passkeys' | 'delete';

export interface AccountSettingsProps {
  /** The sections to show, in order (default: all). */
  sections?: AccountSection[];
  /** The profile's attributes (default `['email', 'name']`). */
  attributes?: AttributeField[];
  mfaMethods?: MfaType[];
  messages?: Messages;
  className?: string;
  onDeleted?: () => void;
  /** Replace any section's markup. */
  render?: Partial<Record<AccountSection, () => ReactNode>>;
  /** The colour scheme of the optional theme (default `'system'`): set on the root as `data-theme`. */
  theme?: CognitoTheme;
}

/**
 * Everything a signed-in user manages themselves: profile, password, two-step verification, remembered
 * devices, passkeys, and account deletion. Each part is also a component of its own.
 *
 * @example
 * <AccountSettings sections={['profile', 'password', 'mfa']} attributes={['email', 'phone_number']} />
 */
export function AccountSettings({
  sections = ['profile', 'password', 'mfa', 'devices', 'passkeys', 'delete'],
  attributes,
  mfaMethods,
  messages,
  className,
  onDeleted,
  render = {},
  theme,
}: AccountSettingsProps) {
  const lang = useFormLocale(messages);
  useIdlePreload(SECTIONS);
  const common = messages ? { messages } : {};
  const parts: Record<AccountSection, () => ReactNode> = {
    profile: () => <UserAttributesForm {...common} {...(attributes ? { attributes } : {})} />,
    password: () => <ChangePasswordForm {...common} />,
    mfa: () => <MfaSettings {...common} {...(mfaMethods ? { methods: mfaMethods } : {})} />,
    devices: () => <DeviceList {...common} />,
    passkeys: () => <PasskeyList {...common} />,
    delete: () => <DeleteAccount {...common} {...(onDeleted ? { onDeleted } : {})} />,
  };
  return (
    <div {...rootProps(className, theme, lang)} data-view="accountSettings">
      <h1>{translate(lang.messages, 'account.title', {}, accountMessages, lang.locale)}</h1>
      {sections.map((section) => (
        <div key={section} data-account-section={section}>
          <Suspense fallback={<SectionPending section={section} messages={messages} />}>{(render[section] ?? parts[section])()}</Suspense>
        </div>
      ))}
    </div>
  );
}
