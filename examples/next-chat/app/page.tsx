import { ServerChat } from '@/components/server-chat';

export default function Home() {
  return (
    <ServerChat
      api="/api/chat"
      title="Chat (Node.js route)"
      description="useChat posts to /api/chat, a route handler on the Node.js runtime running streamText with tools."
    />
  );
}
