import {
  convertToModelMessages,
  createUIMessageStreamResponse,
  isStepCount,
  streamText,
  toUIMessageStream,
  type UIMessage,
} from 'ai';
import { DEFAULT_MODEL } from './models';
import { openrouter } from './openrouter';
import { tools } from './tools';

/** The chat route of both runtimes: `useChat` posts the conversation and the picked model. */
export async function chat(request: Request, runtime: string): Promise<Response> {
  const { messages, model }: { messages: UIMessage[]; model?: string } = await request.json();
  const result = streamText({
    model: openrouter(model ?? DEFAULT_MODEL),
    messages: await convertToModelMessages(messages),
    tools,
    stopWhen: isStepCount(5),
  });
  return createUIMessageStreamResponse({
    stream: toUIMessageStream({ stream: result.stream, sendReasoning: true }),
    headers: { 'x-runtime': runtime },
  });
}
