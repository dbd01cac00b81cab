import { projectPhases, warningLevels } from '@domain/contract/vocabulary';

export const phaseChoices = projectPhases.map((phase) => ({ id: phase, name: `app.project.phase.${phase}` }));

/** Most severe first, as the office scans them. */
export const warningChoices = [...warningLevels]
  .reverse()
  .map((level) => ({ id: level, name: `app.project.warning.${level}` }));
