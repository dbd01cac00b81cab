export const projectPhases = ['implementation', 'accepted', 'inUse', 'closed'] as const;
export const phaseChoices = projectPhases.map((phase) => ({ id: phase, name: `app.project.phase.${phase}` }));

export const warningLevels = ['red', 'yellow', 'blue', 'none'] as const;
export const warningChoices = warningLevels.map((level) => ({ id: level, name: `app.project.warning.${level}` }));
