/**
 * A route serializer that writes the handler's object with JSON.stringify; the route's schema
 * then documents the body without checking it on the way out. For hot routes whose bodies are
 * built from typed values (the zod serializer would check each response again, which costs more
 * than the request's own work), and for bodies sent as stored or built (the raw history, a
 * replay), which a parse could change (defaults, trimming). Tests hold them to their schemas.
 */
export const plainJsonSerializer = () => (data: unknown) => JSON.stringify(data);
