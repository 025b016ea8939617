import { ServerChat } from '@/components/server-chat';

export default function EdgePage() {
  return (
    <ServerChat
      api="/api/chat-edge"
      title="Chat (edge route)"
      description="useChat posts to /api/chat-edge, the same route handler with export const runtime = 'edge'."
    />
  );
}
