import type { Metadata } from 'next';
import 'cognito-react/styles.css';
import './globals.css';

export const metadata: Metadata = { title: 'cognito-react with Next.js' };

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
