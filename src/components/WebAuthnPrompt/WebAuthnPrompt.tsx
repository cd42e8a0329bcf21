'use client';
import type { ReactNode } from 'react';
import { FormLayout } from '../shared/FormLayout.js';
import { useWebAuthnPrompt, type UseWebAuthnPromptOptions, type WebAuthnPromptRenderProps } from './useWebAuthnPrompt.js';

export interface WebAuthnPromptProps extends UseWebAuthnPromptOptions {
  className?: string;
  children?: (props: WebAuthnPromptRenderProps) => ReactNode;
}

/**
 * Signs in with a passkey (WEB_AUTHN).
 *
 * @example
 * <WebAuthnPrompt messages={{ 'webAuthn.submit': 'Use Face ID' }} />
 */
export function WebAuthnPrompt({ children, className, ...options }: WebAuthnPromptProps) {
  const prompt = useWebAuthnPrompt(options);
  if (children) return <>{children(prompt)}</>;
  return (
    <FormLayout props={prompt} step="WEB_AUTHN" className={className}>
      {null}
    </FormLayout>
  );
}
