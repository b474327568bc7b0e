using StoryBot.Hosting;
using Xunit;

namespace StoryBot.Tests.Reliability;

/// <summary>The keyed FIFO lock behind one-turn-at-a-time: order, bounds, timeouts and clean-up.</summary>
public sealed class ConversationTurnGateTests
{
    [Fact]
    public async Task Waiters_get_their_turn_in_arrival_order_and_the_entry_is_removed_afterwards()
    {
        var gate = new ConversationTurnGate(maxQueuedPerConversation: 10, TimeSpan.FromSeconds(30));
        var first = await gate.TryEnterAsync("c", CancellationToken.None);
        Assert.NotNull(first);
        var order = new List<int>();
        var waiters = new List<Task>();
        for (var n = 1; n <= 5; n++)
        {
            var number = n;
            var pending = gate.TryEnterAsync("c", CancellationToken.None); // queued synchronously, in this order
            waiters.Add(Task.Run(async () =>
            {
                using var lease = await pending;
                Assert.NotNull(lease);
                lock (order)
                {
                    order.Add(number);
                }

                await Task.Delay(5);
            }));
        }

        await Task.Delay(300);
        Assert.Empty(order);
        first!.Dispose();
        await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, order);
        Assert.Equal(0, gate.ActiveConversations);
    }

    [Fact]
    public async Task Other_conversations_are_not_blocked()
    {
        var gate = new ConversationTurnGate(16, TimeSpan.FromSeconds(30));
        using var a = await gate.TryEnterAsync("a", CancellationToken.None);
        using var b = await gate.TryEnterAsync("b", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1));
        Assert.NotNull(b);
        Assert.Equal(2, gate.ActiveConversations);
    }

    [Fact]
    public async Task The_queue_is_bounded_and_a_wait_times_out()
    {
        var gate = new ConversationTurnGate(maxQueuedPerConversation: 2, queueTimeout: TimeSpan.FromMilliseconds(200));
        var holder = await gate.TryEnterAsync("c", CancellationToken.None);
        var w1 = gate.TryEnterAsync("c", CancellationToken.None);
        var w2 = gate.TryEnterAsync("c", CancellationToken.None);
        Assert.Null(await gate.TryEnterAsync("c", CancellationToken.None)); // third waiter: queue full
        Assert.Null(await w1); // both time out while the holder keeps the turn
        Assert.Null(await w2);
        holder!.Dispose();
        Assert.Equal(0, gate.ActiveConversations);
        using var again = await gate.TryEnterAsync("c", CancellationToken.None);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue()
    {
        var gate = new ConversationTurnGate(16, TimeSpan.FromSeconds(30));
        var holder = await gate.TryEnterAsync("c", CancellationToken.None);
        using var cts = new CancellationTokenSource(100);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.TryEnterAsync("c", cts.Token));
        holder!.Dispose();
        Assert.Equal(0, gate.ActiveConversations);
    }

    [Fact]
    public async Task A_turn_run_inside_TryRunAsync_passes_the_same_conversation_without_waiting_for_itself()
    {
        var gate = new ConversationTurnGate(16, TimeSpan.FromMilliseconds(500));
        var inner = false;
        var ran = await gate.TryRunAsync("c", async ct =>
        {
            // what SerialTurnsMiddleware does for the turn Direct Line runs while holding the conversation
            using var nested = await gate.TryEnterAsync("c", ct);
            inner = nested is not null;
        }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(ran);
        Assert.True(inner);
        Assert.Equal(0, gate.ActiveConversations);
    }

    [Fact]
    public async Task TryRunAsync_orders_other_flows_behind_the_holder_and_refuses_when_the_queue_is_full()
    {
        var gate = new ConversationTurnGate(maxQueuedPerConversation: 1, TimeSpan.FromSeconds(30));
        var release = new TaskCompletionSource();
        var order = new List<string>();
        var holder = gate.TryRunAsync("c", async _ => { order.Add("first"); await release.Task; }, CancellationToken.None);
        var queued = gate.TryEnterAsync("c", CancellationToken.None); // another flow: must wait
        Assert.False(await gate.TryRunAsync("c", _ => Task.CompletedTask, CancellationToken.None)); // queue full
        Assert.False(queued.IsCompleted);
        release.SetResult();
        Assert.True(await holder);
        using (await queued)
        {
            order.Add("second");
        }

        Assert.Equal(new[] { "first", "second" }, order);
        Assert.Equal(0, gate.ActiveConversations);
    }
}
