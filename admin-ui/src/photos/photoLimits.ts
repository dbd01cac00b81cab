/** The API's limit for one upload (api/projects/projects.schemas.ts PHOTO_LIMIT). */
export const photoMaxBytes = 5 * 1024 * 1024;
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'];
