import type { ReactNode } from 'react';
import './globals.css';

export const metadata = {
  title: 'ai-sdk-openrouter: Next.js chat',
  description: 'useChat, tools and reasoning over OpenRouter (or its emulator)',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
