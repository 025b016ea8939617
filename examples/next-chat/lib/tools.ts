import { tool } from 'ai';
import { z } from 'zod';

/** The example's tools, used by the server routes and by the browser-safe page alike. */
export const tools = {
  getWeather: tool({
    description: 'Current weather for a city, in degrees Celsius.',
    inputSchema: z.object({ city: z.string().describe('City name, e.g. Paris') }),
    execute: async ({ city }) => ({ city, temperatureCelsius: 18, conditions: 'sunny' }),
  }),
  convertTemperature: tool({
    description: 'Converts a temperature from Celsius to Fahrenheit.',
    inputSchema: z.object({ temperatureCelsius: z.number() }),
    execute: async ({ temperatureCelsius }) => ({
      fahrenheit: Math.round(((temperatureCelsius * 9) / 5 + 32) * 10) / 10,
    }),
  }),
};
