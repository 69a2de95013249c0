import { useSignedIn } from '../auth/session';
import { NotFoundPage } from '../shell/AreaPage';
import { CountPage } from './CountPage';
import { GroupsPage } from './GroupsPage';
import { ImportPage } from './ImportPage';
import { ItemCardPage } from './ItemCardPage';
import { ItemFormPage } from './ItemFormPage';
import { ItemsPage } from './ItemsPage';
import { MovementsPage } from './MovementsPage';
import { PriceAdjustmentPage } from './PriceAdjustmentPage';
import { PricesPage } from './PricesPage';
import { INVENTORY_PATHS, newItemPath } from './paths';
import { ReorderPage, StockListPage, TurnoverPage } from './ReportsPages';
import { WarehousesPage } from './WarehousesPage';

/** The inventory area's screens ("Lager"); the area page itself opens the item list. */
export function InventoryRoutes({ path }: { path: string }) {
  const { company } = useSignedIn();
  const writer = company.permissions.inventory === 'write';
  const card = /^\/inventory\/items\/(\d+)(\/edit)?$/.exec(path);
  if (card) {
    const id = Number(card[1]);
    if (card[2]) return writer ? <ItemFormPage itemId={id} /> : <NotFoundPage />;
    return <ItemCardPage itemId={id} />;
  }
  switch (path) {
    case '/inventory':
    case INVENTORY_PATHS.items:
      return <ItemsPage />;
    case newItemPath:
      return writer ? <ItemFormPage itemId={null} /> : <NotFoundPage />;
    case INVENTORY_PATHS.groups:
      return <GroupsPage />;
    case INVENTORY_PATHS.warehouses:
      return <WarehousesPage />;
    case INVENTORY_PATHS.movements:
      return writer ? <MovementsPage /> : <NotFoundPage />;
    case INVENTORY_PATHS.stockList:
      return <StockListPage />;
    case INVENTORY_PATHS.count:
      return writer ? <CountPage /> : <NotFoundPage />;
    case INVENTORY_PATHS.reorder:
      return <ReorderPage />;
    case INVENTORY_PATHS.turnover:
      return <TurnoverPage />;
    case INVENTORY_PATHS.prices:
      return <PricesPage />;
    case INVENTORY_PATHS.priceAdjustment:
      return writer ? <PriceAdjustmentPage /> : <NotFoundPage />;
    case INVENTORY_PATHS.import:
      return writer ? <ImportPage /> : <NotFoundPage />;
    default:
      return <NotFoundPage />;
  }
}
