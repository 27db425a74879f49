/**
 * A route serializer that writes the handler's object with JSON.stringify. For hot routes whose
 * bodies are built from typed values: the zod serializer would check each response against the
 * schema again, which costs more than the request's own work. The schema still documents it.
 */
export const plainJsonSerializer = () => (data: unknown) => JSON.stringify(data);
