using RangeScheduler.Grpc.Tests.Echo;

namespace RangeScheduler.Grpc.Tests.TestServices;

/// <summary>The echo service's methods, for our C# client.</summary>
public static class EchoMethods
{
    public static readonly Method<EchoRequest, EchoReply> Echo = Method<EchoRequest, EchoReply>.FromDescriptor(EchoService.Descriptor.FindMethodByName("Echo"));
    public static readonly Method<EchoRequest, EchoReply> Expand = Method<EchoRequest, EchoReply>.FromDescriptor(EchoService.Descriptor.FindMethodByName("Expand"));
    public static readonly Method<EchoRequest, EchoSummary> Collect = Method<EchoRequest, EchoSummary>.FromDescriptor(EchoService.Descriptor.FindMethodByName("Collect"));
    public static readonly Method<EchoRequest, EchoReply> Chat = Method<EchoRequest, EchoReply>.FromDescriptor(EchoService.Descriptor.FindMethodByName("Chat"));
    public static readonly Method<EchoRequest, EchoReply> Missing = Method<EchoRequest, EchoReply>.FromDescriptor(EchoService.Descriptor.FindMethodByName("Missing"));
}
