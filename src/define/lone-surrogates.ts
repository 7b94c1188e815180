/**
 * Where a definition holds a lone UTF-16 surrogate: in a string, or in an object key (query DSL
 * keys, custom field names). Such text cannot be written as UTF-8; Yelp ElastAlert 0.2.4 refuses
 * the rule file and then stops loading the rest of the rules folder, so good rules are lost too.
 * Returns the path of each one (a key's path ends with the key itself).
 */
export function findLoneSurrogates(value: unknown, path: (string | number)[] = [], found: (string | number)[][] = []): (string | number)[][] {
  if (typeof value === 'string') {
    if (hasLoneSurrogate(value)) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findLoneSurrogates(v, [...path, i], found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (hasLoneSurrogate(key)) found.push([...path, key]);
      findLoneSurrogates(v, [...path, key], found);
    }
  }
  return found;
}

/** In a u-mode regex a proper surrogate pair is one code point: only lone halves match \p{Cs}. */
function hasLoneSurrogate(text: string): boolean {
  return /\p{Cs}/u.test(text);
}

export const LONE_SURROGATE_MESSAGE = 'contains a lone UTF-16 surrogate, which is not text (ElastAlert would refuse the rule file and stop loading the rules folder)';
