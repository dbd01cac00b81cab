import type { ReactElement } from 'react';

/** The standing committee office's screens: resources it may see, given the signed-in roles. */
export const coordinationResources = (_permissions: unknown): ReactElement[] => [];

/** Pages outside any resource (react-admin <Route> elements for <CustomRoutes>). */
export const coordinationRoutes = (_permissions: unknown): ReactElement[] => [];

export const CoordinationMenuItems = () => null;

/** The home page (Admin's dashboard). */
export const Dashboard = undefined;
