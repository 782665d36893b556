/// A GPU an app requests for hardware transcoding.
public enum GPUKind: String, CaseIterable, Hashable, Sendable {
    /// An NVIDIA GPU (`nvidia.com/gpu`).
    case nvidia
    /// An Intel iGPU (`gpu.intel.com/i915`).
    case intel
}
