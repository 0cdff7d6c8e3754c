using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ThiDua.Rules.Loading;

/// <summary>
/// Enumerates a sequence on a thread of its own, a few batches ahead of the consumer, so that reading a file (one
/// core) and binding what is read (another) overlap. Order is kept; the source is enumerated exactly once, by one
/// thread at a time; its exceptions reach the consumer as if it had enumerated the source itself.
/// </summary>
internal static class ReadAhead
{
    private const int BatchSize = 64;
    private const int BatchesAhead = 4;

    /// <summary>The items of <paramref name="source"/>, read ahead on another thread.</summary>
    /// <remarks>When the enumeration ends, normally or not, the reading thread has finished: the source can be used
    /// (its diagnostics read) right after.</remarks>
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var batches = new BlockingCollection<T[]>(BatchesAhead);
        ExceptionDispatchInfo? failure = null;
        var reader = new Thread(() =>
        {
            var batch = new List<T>(BatchSize);
            try
            {
                foreach (var item in source)
                {
                    batch.Add(item);
                    if (batch.Count == BatchSize)
                    {
                        batches.Add([.. batch], stop.Token);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    batches.Add([.. batch], stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early: nothing to hand over.
            }
            catch (Exception ex)
            {
                // The items read before the failure reach the consumer first, as they would without reading ahead.
                failure = ExceptionDispatchInfo.Capture(ex);
                if (batch.Count > 0 && !stop.IsCancellationRequested)
                {
                    try
                    {
                        batches.Add([.. batch], stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // The consumer stopped meanwhile.
                    }
                }
            }
            finally
            {
                batches.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = "ThiDua read-ahead",
        };
        reader.Start();
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable(cancellationToken))
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            stop.Cancel();
            reader.Join();
        }

        failure?.Throw();
    }
}
