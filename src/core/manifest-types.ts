/** The shape of what the action keeps of LaunchDarkly's integration manifests (src/generated). */

/** A configValues key, as the manifest's formVariables describe it. */
export interface ManifestVariable {
  key: string
  name: string
  /** string, boolean, uri, enum, multiselect, environmentSelector, publicKey, oauth, ... */
  type: string
  isOptional: boolean
  isSecret: boolean
  isHidden: boolean
  /** LaunchDarkly does not let it be edited once the configuration is saved. */
  disableAfterSaving: boolean
  allowedValues?: string[]
  defaultValue?: string | boolean
}

export interface IntegrationManifest {
  name: string
  requiresOAuth: boolean
  formVariables: ManifestVariable[]
}
