'use client';

import {
  type ChatTransport,
  convertToModelMessages,
  isStepCount,
  streamText,
  toUIMessageStream,
  type UIMessage,
} from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { useMemo } from 'react';
import { BROWSER_ALLOWED_MODELS, DEFAULT_MODEL, type ModelOption } from '@/lib/models';
import { tools } from '@/lib/tools';
import { Chat } from './chat';

const allowModel = (id: string) => BROWSER_ALLOWED_MODELS.includes(id);

/**
 * The model calls run in the browser: the provider has no key, and its `baseURL` is this app's
 * proxy route, which adds the server's key and refuses models outside the allow-list.
 */
export function BrowserChat() {
  const { transport, loadModels } = useMemo(() => {
    const openrouter = createOpenRouter({ baseURL: `${window.location.origin}/api/openrouter` });
    const transport: ChatTransport<UIMessage> = {
      async sendMessages({ messages, abortSignal, body }) {
        const model = (body as { model?: string } | undefined)?.model ?? DEFAULT_MODEL;
        const result = streamText({
          model: openrouter(model),
          messages: await convertToModelMessages(messages),
          tools,
          stopWhen: isStepCount(5),
          abortSignal,
        });
        return toUIMessageStream({ stream: result.stream, sendReasoning: true });
      },
      async reconnectToStream() {
        return null;
      },
    };
    const loadModels = async (): Promise<ModelOption[]> =>
      (await openrouter.models.list({ supportedParameters: ['tools'] })).map((model) => ({
        id: model.id,
        name: model.name ?? model.id,
      }));
    return { transport, loadModels };
  }, []);
  return (
    <Chat
      title="Browser-safe chat"
      description="streamText runs in this page; its provider has no key and calls /api/openrouter, the proxy helper, which adds the server's key."
      transport={transport}
      loadModels={loadModels}
      allowModel={allowModel}
    />
  );
}
