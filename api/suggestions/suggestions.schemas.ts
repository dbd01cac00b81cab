export * from '../../domain/contract/suggestions';
