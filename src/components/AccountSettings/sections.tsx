'use client';
import { useId } from 'react';
import { accountMessages } from '../accountMessages.js';
import { defaultMessages, type MessageKey, type Messages } from '../messages.js';
import { lazyPart } from '../shared/lazyPart.js';
import { loadAccountChunk } from '../shared/loadAccountChunk.js';
import { Skeleton } from '../shared/Skeleton.js';
import { say } from '../shared/text.js';
import { useFormLocale } from '../shared/useLocale.js';

// In the account chunk (shared/accountChunk.ts), with <Authentication>'s account views.
const load = loadAccountChunk;

export const UserAttributesForm = lazyPart(() => load().then((m) => m.UserAttributesForm));
export const ChangePasswordForm = lazyPart(() => load().then((m) => m.ChangePasswordForm));
export const MfaSettings = lazyPart(() => load().then((m) => m.MfaSettings));
export const DeviceList = lazyPart(() => load().then((m) => m.DeviceList));
export const PasskeyList = lazyPart(() => load().then((m) => m.PasskeyList));
export const DeleteAccount = lazyPart(() => load().then((m) => m.DeleteAccount));

/** Every section, to fetch them at idle. */
export const SECTIONS = [UserAttributesForm, ChangePasswordForm, MfaSettings, DeviceList, PasskeyList, DeleteAccount] as const;

/** The sections with data of their own, and the heading each shows above its skeleton while it loads. */
const TITLES: Partial<Record<string, MessageKey>> = { mfa: 'mfa.title', devices: 'devices.title', passkeys: 'passkeys.title' };

/**
 * A section whose code is still on its way: the skeleton it shows while its data loads (the profile's
 * three rows; a list's heading and two rows), so the page does not change shape when the code arrives.
 */
export function SectionPending({ section, messages }: { section: string; messages: Messages | undefined }) {
  const lang = useFormLocale(messages);
  const titleId = useId();
  const t = (key: MessageKey) => say(lang.messages, key, {}, accountMessages, lang.locale, defaultMessages);
  const title = TITLES[section];
  if (section === 'profile') {
    return (
      <div data-section="attributes">
        <Skeleton label={t('account.loading')} rows={3} />
      </div>
    );
  }
  if (!title) return <Skeleton label={t('account.loading')} />;
  return (
    <section data-section={section} aria-labelledby={titleId} aria-busy={false}>
      <h2 id={titleId}>{t(title)}</h2>
      <Skeleton label={t('account.loading')} />
    </section>
  );
}
