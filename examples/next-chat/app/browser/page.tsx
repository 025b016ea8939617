'use client';

import dynamic from 'next/dynamic';

// Rendered in the browser only: the provider is created from window.location.
const BrowserChat = dynamic(
  () => import('@/components/browser-chat').then((module) => module.BrowserChat),
  { ssr: false },
);

export default function BrowserPage() {
  return <BrowserChat />;
}
