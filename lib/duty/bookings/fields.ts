// Plain constants of the booking forms, free of zod: the browser imports these without the schema library.

/** The longest topic a booking names. */
export const TOPIC_MAX = 100;
/** The longest advice note an expert records. */
export const ADVICE_MAX = 2000;
