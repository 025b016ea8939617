'use client';

import { useChat } from '@ai-sdk/react';
import type { ChatTransport, UIMessage } from 'ai';
import Link from 'next/link';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { DEFAULT_MODEL, type ModelOption } from '@/lib/models';

export interface ChatProps {
  title: string;
  description: string;
  /** Sends the conversation; the picked model goes in the request body as `model`. */
  transport: ChatTransport<UIMessage>;
  /** Loads the model picker's options from the catalog. */
  loadModels: () => Promise<ModelOption[]>;
  /** Filters the catalog (the browser-safe page shows only what its proxy allows). */
  allowModel?: (id: string) => boolean;
}

const PAGES = [
  { href: '/', label: 'Node.js route' },
  { href: '/edge', label: 'Edge route' },
  { href: '/browser', label: 'Browser-safe (proxy)' },
];

export function Chat({ title, description, transport, loadModels, allowModel }: ChatProps) {
  const { messages, sendMessage, status, error } = useChat({ transport });
  const [models, setModels] = useState<ModelOption[]>([]);
  const [model, setModel] = useState(DEFAULT_MODEL);
  const [input, setInput] = useState('');
  const [modelError, setModelError] = useState<string>();
  const loaded = useRef(false);

  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    loadModels()
      .then((list) => setModels(allowModel ? list.filter((m) => allowModel(m.id)) : list))
      .catch((reason: unknown) => setModelError(String(reason)));
  }, [loadModels, allowModel]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!input.trim()) return;
    void sendMessage({ text: input }, { body: { model } });
    setInput('');
  };

  return (
    <main>
      <nav>
        {PAGES.map((page) => (
          <Link key={page.href} href={page.href}>
            {page.label}
          </Link>
        ))}
      </nav>
      <h1>{title}</h1>
      <p className="muted">{description}</p>
      <label className="picker">
        Model{' '}
        <select
          data-testid="model"
          value={model}
          onChange={(event) => setModel(event.target.value)}
          disabled={models.length === 0}
        >
          {models.length === 0 && <option value={model}>{model}</option>}
          {models.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name} ({option.id})
            </option>
          ))}
        </select>
        <span data-testid="model-count" className="muted">
          {models.length} models
        </span>
      </label>
      {modelError && <p className="error">Catalog: {modelError}</p>}

      <section data-testid="messages">
        {messages.map((message) => (
          <article
            key={message.id}
            data-testid={`message-${message.role}`}
            className={message.role}
          >
            <strong>{message.role === 'user' ? 'You' : 'Assistant'}</strong>
            {message.parts.map((part, index) => {
              const key = `${message.id}-${index}`;
              if (part.type === 'text') {
                return (
                  <p key={key} data-testid="text">
                    {part.text}
                  </p>
                );
              }
              if (part.type === 'reasoning') {
                return (
                  <details key={key} open data-testid="reasoning" className="reasoning">
                    <summary>Reasoning</summary>
                    {part.text}
                  </details>
                );
              }
              if (part.type.startsWith('tool-') && 'toolCallId' in part) {
                return (
                  <div key={key} data-testid="tool" data-state={part.state} className="tool">
                    <code>
                      {part.type.slice('tool-'.length)}({JSON.stringify(part.input ?? {})})
                    </code>
                    {part.state === 'output-available' && (
                      <code data-testid="tool-output"> → {JSON.stringify(part.output)}</code>
                    )}
                    {part.state === 'output-error' && (
                      <span className="error"> {part.errorText}</span>
                    )}
                  </div>
                );
              }
              return null;
            })}
          </article>
        ))}
      </section>

      {error && (
        <p data-testid="error" className="error">
          {error.message}
        </p>
      )}
      <form onSubmit={submit}>
        <input
          data-testid="input"
          value={input}
          placeholder="Ask about the weather in a city…"
          onChange={(event) => setInput(event.target.value)}
        />
        <button type="submit" disabled={status === 'streaming' || status === 'submitted'}>
          Send
        </button>
        <span data-testid="status" className="muted">
          {status}
        </span>
      </form>
    </main>
  );
}
