/** A supervision group's finding, as the API states it. */
export type { Finding } from '@domain/contract/projects';
