/** Small helpers for the sentences the core writes (moments, lessons, bot notes). */

/** The text with its first letter in upper case ("the comms team" → "The comms team"). */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
