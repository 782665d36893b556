/// The load balancer that hands out addresses to Services of type LoadBalancer. Each reads the requested
/// address from an annotation of its own; `spec.loadBalancerIP` is deprecated since Kubernetes 1.24 and
/// ignored by some implementations, so mediactl never sets it.
public enum LoadBalancerImplementation: String, CaseIterable, Hashable, Sendable {
    /// Cilium LB IPAM (the default: what onedr0p/home-ops, bjw-s-labs/home-ops and buroa/k8s-gitops run).
    case cilium
    /// MetalLB 0.14 or later.
    case metallb
    /// kube-vip's cloud provider.
    case kubeVIP = "kube-vip"

    /// The annotation that asks for an address (docs.cilium.io "LoadBalancer IP Address Management";
    /// metallb.io "Requesting specific IPs"; kube-vip.io "Kubernetes Load-Balancer Service").
    public var addressAnnotation: String {
        switch self {
        case .cilium: "lbipam.cilium.io/ips"
        case .metallb: "metallb.io/loadBalancerIPs"
        case .kubeVIP: "kube-vip.io/loadbalancerIPs"
        }
    }

    /// The annotation that lets Services with different ports share one address, nil when the
    /// implementation shares addresses without one.
    public var sharingAnnotation: String? {
        switch self {
        case .cilium: "lbipam.cilium.io/sharing-key"
        case .metallb: "metallb.io/allow-shared-ip"
        case .kubeVIP: nil
        }
    }
}
