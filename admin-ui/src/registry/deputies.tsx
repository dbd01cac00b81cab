import type { ReactElement } from 'react';

/** Deputies' screens (ballot, rating) inside the signed-in console. */
export const deputiesResources = (_permissions: unknown): ReactElement[] => [];

export const deputiesRoutes = (_permissions: unknown): ReactElement[] => [];

export const DeputiesMenuItems = () => null;
