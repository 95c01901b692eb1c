#pragma once

// Test support for the GUI suites: a Console opened on the demo (in-process emulator, real
// HTTP, real sign-in), and helpers to wait for the tree and find widgets by objectName.

#include "Console.h"
#include "Emulator.h"
#include "MainWindow.h"
#include "NavigationModel.h"
#include "api/ApiClient.h"
#include "auth/Session.h"

#include <QAbstractItemModel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <memory>
#include <optional>

namespace fc::test {

// Opens the demo (as its maker, or as its administrator) and waits until the environments are listed.
inline std::unique_ptr<Console> openDemoConsole(bool asAdministrator = false)
{
    auto console = std::make_unique<Console>();
    console->setDemoAsAdministrator(asAdministrator);
    QSignalSpy signedIn(console.get(), &Console::signedIn);
    console->window()->resize(1280, 800);
    console->window()->show();
    if (!console->openDemo())
        return nullptr;
    if (!QTest::qWaitFor([&] { return signedIn.size() > 0; }, 20000))
        return nullptr;
    NavigationModel *model = console->window()->navigation();
    if (!QTest::qWaitFor([&] { return model->environmentsReady() && model->rowCount() > 0; }, 20000))
        return nullptr;
    return console;
}

// Waits until the environment's first page of flows is in (fetching it if needed).
inline bool waitForFlows(NavigationModel *model, const QString &env)
{
    const QModelIndex index = model->environmentIndex(env);
    if (model->canFetchMore(index) && !model->isLoadingFlows(env))
        model->fetchMore(index);
    return QTest::qWaitFor(
        [&] { return !model->isLoadingFlows(env) && model->rowCount(model->environmentIndex(env)) > 0; },
        20000);
}

// The environment the demo opens on (the default one).
inline QString defaultEnvironment(NavigationModel *model)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const Environment *env = model->environmentAt(model->index(row, 0));
        if (env->isDefault)
            return env->name;
    }
    return model->environmentAt(model->index(0, 0))->name;
}

// Waits for one callback-style call and returns its result.
template <typename T, typename Start>
std::optional<Result<T>> awaitCall(Start &&start, int timeoutMs = 20000)
{
    std::optional<Result<T>> result;
    start([&result](Result<T> r) { result.emplace(std::move(r)); });
    [[maybe_unused]] const bool done = QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs);
    return result;
}

} // namespace fc::test
