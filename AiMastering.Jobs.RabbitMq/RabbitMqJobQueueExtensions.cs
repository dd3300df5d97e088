using AiMastering.Jobs.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AiMastering.Jobs.Queue.RabbitMq;

public static class RabbitMqJobQueueExtensions
{
    /// <summary>
    /// Registers <see cref="RabbitMqJobQueue"/> as <see cref="IJobQueue"/> and
    /// <see cref="IDeadLetterInspector"/>. The connection comes from Aspire's RabbitMQ client
    /// (<c>ConnectionStrings:{connectionName}</c>, health check and tracing included), configured for
    /// automatic recovery. Queue names: <c>Jobs:RabbitMq:Prefix</c>; retry tiers: <c>Jobs:RetryDelays</c>.
    /// </summary>
    public static IHostApplicationBuilder AddRabbitMqJobQueue(this IHostApplicationBuilder builder, string connectionName = "rabbitmq")
    {
        builder.AddRabbitMQClient(connectionName, configureConnectionFactory: RabbitMqConnections.Configure);
        builder.Services.AddOptions<RabbitMqQueueOptions>()
            .BindConfiguration(RabbitMqQueueOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<JobRunnerOptions>(); // bound by AddJobsCore (section Jobs)
        builder.Services.TryAddSingleton<RabbitMqJobQueue>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IJobQueue>(sp => sp.GetRequiredService<RabbitMqJobQueue>()));
        builder.Services.TryAddSingleton<IDeadLetterInspector>(sp => sp.GetRequiredService<RabbitMqJobQueue>());
        return builder;
    }
}
