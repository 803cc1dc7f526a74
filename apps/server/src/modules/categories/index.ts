export { categoriesRoutes } from './categories.routes.js';
export {
  activeCategoryIdsByCode,
  type CategoriesService,
  type Category,
  type CostCenter,
  createCategoriesService,
  findCategory,
  requireActiveCategory,
  requireActiveCostCenter,
  seedDefaultCategories,
} from './categories.service.js';
