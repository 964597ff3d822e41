// The sandbox shows ../_shared/fake-network.tsx itself under this name.
export * from '../_shared/fake-network'
