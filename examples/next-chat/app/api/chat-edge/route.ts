import { chat } from '@/lib/chat-route';

export const runtime = 'edge';

export async function POST(request: Request) {
  return chat(request, typeof EdgeRuntime === 'string' ? 'edge' : 'nodejs');
}

declare const EdgeRuntime: string | undefined;
