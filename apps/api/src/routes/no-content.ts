import { z } from 'zod';

/** The response schema of a 204: no body. */
export const NoContent = z.null().describe('No content');
