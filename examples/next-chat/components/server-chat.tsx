'use client';

import { DefaultChatTransport } from 'ai';
import { useMemo } from 'react';
import type { ModelOption } from '@/lib/models';
import { Chat } from './chat';

async function loadModels(): Promise<ModelOption[]> {
  const response = await fetch('/api/models');
  if (!response.ok) throw new Error(`GET /api/models: ${response.status}`);
  return ((await response.json()) as { models: ModelOption[] }).models;
}

/** A chat whose model calls run in a server route (`api`): the key never reaches the page. */
export function ServerChat({
  api,
  title,
  description,
}: {
  api: string;
  title: string;
  description: string;
}) {
  const transport = useMemo(() => new DefaultChatTransport({ api }), [api]);
  return (
    <Chat title={title} description={description} transport={transport} loadModels={loadModels} />
  );
}
