export * from '../../domain/contract/publicity';
