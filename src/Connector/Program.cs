using CowHealth.Connector;
using CowHealth.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddConnector();

var app = builder.Build();
app.MapServiceDefaults();
app.Run();
