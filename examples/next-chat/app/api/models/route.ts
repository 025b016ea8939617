import type { ModelOption } from '@/lib/models';
import { openrouter } from '@/lib/openrouter';

export const dynamic = 'force-dynamic';

/** The model picker's options: the text models of the catalog, supporting tools. */
export async function GET() {
  const models = await openrouter.models.list({ supportedParameters: ['tools'] });
  const options: ModelOption[] = models.map((model) => ({
    id: model.id,
    name: model.name ?? model.id,
  }));
  return Response.json({ models: options });
}
