using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CowHealth.Gateway.Querying;

public static class ApiParameterExtensions
{
    /// <summary>Describes the endpoint's parameters in the OpenAPI document, adding any the handler reads but does not bind.</summary>
    public static RouteHandlerBuilder WithParameters(this RouteHandlerBuilder endpoint, params ApiParameter[] parameters) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.Parameters ??= [];
            foreach (var parameter in parameters)
            {
                var described = operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == parameter.Name);
                if (described is null)
                {
                    described = new OpenApiParameter { Name = parameter.Name, In = ParameterLocation.Query };
                    operation.Parameters.Add(described);
                }

                described.Description = parameter.Description;
                described.Required = parameter.Required || described.In == ParameterLocation.Path;
                described.Schema = parameter.Schema(context.ApplicationServices);
                if (described.Schema.Type == JsonSchemaType.Array)
                {
                    described.Style = ParameterStyle.Form;
                    described.Explode = true;
                }
            }

            return Task.CompletedTask;
        });
}
