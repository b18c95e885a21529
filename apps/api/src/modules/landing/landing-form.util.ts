/** A urlencoded form body as Fastify parses it (a repeated name is an array). */
export type FormBody = Record<string, string | string[] | undefined>;

/** One field of a posted form: its first value, or undefined. */
export const formField = (body: FormBody, name: string): string | undefined => {
  const v = body?.[name];
  return (Array.isArray(v) ? v[0] : v)?.toString();
};
