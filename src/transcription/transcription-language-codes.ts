/**
 * ISO-639-1 codes of the language names Whisper-style `verbose_json` responses report
 * (`"language": "english"`), which the AI SDK wants as codes (`en`). The names are the languages
 * Whisper recognises, with their common alternative names; `hawaiian` and `cantonese` have no
 * two-letter code and keep their three-letter ones.
 */
const NAMES =
  'afrikaans:af albanian:sq amharic:am arabic:ar armenian:hy assamese:as azerbaijani:az ' +
  'bashkir:ba basque:eu belarusian:be bengali:bn bosnian:bs breton:br bulgarian:bg burmese:my ' +
  'cantonese:yue castilian:es catalan:ca chinese:zh croatian:hr czech:cs danish:da dutch:nl ' +
  'english:en estonian:et faroese:fo finnish:fi flemish:nl french:fr galician:gl georgian:ka ' +
  'german:de greek:el gujarati:gu haitian:ht haitian_creole:ht hausa:ha hawaiian:haw hebrew:he ' +
  'hindi:hi hungarian:hu icelandic:is indonesian:id italian:it japanese:ja javanese:jv ' +
  'kannada:kn kazakh:kk khmer:km korean:ko lao:lo latin:la latvian:lv letzeburgesch:lb ' +
  'lingala:ln lithuanian:lt luxembourgish:lb macedonian:mk malagasy:mg malay:ms malayalam:ml ' +
  'maltese:mt mandarin:zh maori:mi marathi:mr moldavian:ro moldovan:ro mongolian:mn myanmar:my ' +
  'nepali:ne norwegian:no nynorsk:nn occitan:oc panjabi:pa pashto:ps persian:fa polish:pl ' +
  'portuguese:pt punjabi:pa pushto:ps romanian:ro russian:ru sanskrit:sa serbian:sr shona:sn ' +
  'sindhi:sd sinhala:si sinhalese:si slovak:sk slovenian:sl somali:so spanish:es sundanese:su ' +
  'swahili:sw swedish:sv tagalog:tl tajik:tg tamil:ta tatar:tt telugu:te thai:th tibetan:bo ' +
  'turkish:tr turkmen:tk ukrainian:uk urdu:ur uzbek:uz valencian:ca vietnamese:vi welsh:cy ' +
  'yiddish:yi yoruba:yo';

let codes: Map<string, string> | undefined;

/**
 * The ISO-639-1 code for what a response reports as the language: a name (`English`,
 * `haitian creole`) or a code or tag (`en`, `en-US`). `undefined` for anything else (an unknown
 * name is not guessed at; the raw value stays in the response body).
 */
export function toLanguageCode(language: string | null | undefined): string | undefined {
  if (!language) return undefined;
  const key = language
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  codes ??= new Map(NAMES.split(' ').map((pair) => pair.split(':') as [string, string]));
  const named = codes.get(key);
  if (named) return named;
  // A code or tag: its two-letter language (`en_us` -> `en`), or one of the three-letter codes above.
  const tag = /^([a-z]{2,3})(?:_[a-z0-9]+)*$/.exec(key)?.[1];
  if (tag?.length === 2) return tag;
  return tag && [...codes.values()].includes(tag) ? tag : undefined;
}
