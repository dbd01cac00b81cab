export * from '../../domain/contract/projects';
