import { chat } from '@/lib/chat-route';

// The Node.js runtime (Next.js' default for route handlers).
export async function POST(request: Request) {
  return chat(request, typeof EdgeRuntime === 'string' ? 'edge' : 'nodejs');
}

declare const EdgeRuntime: string | undefined;
