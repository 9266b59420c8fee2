namespace CowHealth.Tests.Compose;

/// <summary>
/// A Dockerfile read the way Docker reads it, as far as the image build rehearsal needs:
/// comments and parser directives dropped, continued lines joined, instructions grouped by stage.
/// Heredocs and JSON-form RUN are refused rather than misread.
/// </summary>
public sealed class DockerfileRecipe
{
    private DockerfileRecipe(IReadOnlyList<DockerStage> stages) => Stages = stages;

    public IReadOnlyList<DockerStage> Stages { get; }

    public DockerStage Stage(string name) =>
        Stages.SingleOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"The Dockerfile has no stage named '{name}'.");

    public static DockerfileRecipe Parse(string text)
    {
        var stages = new List<DockerStage>();
        foreach (var instruction in Instructions(text))
        {
            if (instruction.Keyword == "FROM")
            {
                var words = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToArray();
                var name = words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : $"stage{stages.Count}";
                stages.Add(new DockerStage(name, words[0], []));
            }
            else if (stages.Count == 0)
            {
                if (instruction.Keyword != "ARG")
                {
                    throw new InvalidOperationException($"Line {instruction.Line}: {instruction.Keyword} before the first FROM.");
                }
            }
            else
            {
                stages[^1] = stages[^1] with { Instructions = [.. stages[^1].Instructions, instruction] };
            }
        }

        return new DockerfileRecipe(stages);
    }

    private static IEnumerable<DockerInstruction> Instructions(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var start = i + 1;
            var joined = new System.Text.StringBuilder();
            while (line.EndsWith('\\'))
            {
                joined.Append(line[..^1]).Append(' ');
                // Docker drops comment lines inside a continued instruction.
                do
                {
                    i++;
                    line = i < lines.Length ? lines[i].Trim() : "";
                }
                while (i < lines.Length && line.StartsWith('#'));
            }

            joined.Append(line);
            var instruction = joined.ToString();
            var space = instruction.IndexOf(' ', StringComparison.Ordinal);
            var keyword = (space < 0 ? instruction : instruction[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : instruction[(space + 1)..].Trim();
            if (arguments.Contains("<<", StringComparison.Ordinal) && keyword is "RUN" or "COPY")
            {
                throw new NotSupportedException($"Line {start}: heredocs are not rehearsed; write the step as a shell command.");
            }

            if (keyword == "RUN" && arguments.StartsWith('['))
            {
                throw new NotSupportedException($"Line {start}: JSON-form RUN is not rehearsed; use the shell form.");
            }

            yield return new DockerInstruction(keyword, arguments, start);
        }
    }
}

/// <summary>One stage of a Dockerfile: FROM's image, its name, and the instructions that follow.</summary>
public sealed record DockerStage(string Name, string BaseImage, IReadOnlyList<DockerInstruction> Instructions);

/// <summary>One instruction, continued lines joined; <see cref="Line"/> is where it starts.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments, int Line)
{
    /// <summary>The instruction's words after its --flags (COPY's sources and destination, ARG's name=default).</summary>
    public IReadOnlyList<string> Words => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w.StartsWith("--", StringComparison.Ordinal)).ToList();

    /// <summary>The value of a --name=value flag, or null.</summary>
    public string? Flag(string name) =>
        Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal))
            .Select(w => w.Split('=', 2)).Where(p => p[0] == "--" + name).Select(p => p.Length > 1 ? p[1] : "").FirstOrDefault();
}
